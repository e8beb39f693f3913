/** A pact commitment of the network an action may carry out, as the plan's form lists it. */
export interface CommitmentChoice {
	id: string;
	title: string;
	/** The committed partner's name; '' once it has left the network. */
	partnerName: string;
	documentTitle: string;
}
