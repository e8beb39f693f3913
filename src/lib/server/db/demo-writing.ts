import type { DocumentKind } from '../../documents/kinds.ts';
import { plainText } from '../../documents/content.ts';
import { stateOf, templateFor } from '../../documents/templates.ts';

/**
 * What the demo network's people have written so far in their documents, by
 * section heading: the other sections are still empty and show their guides,
 * as a document fresh from its template does. The demo comments quote some of
 * these words (seed.ts), as does a test or two.
 */
const DEMO_WRITING: Partial<Record<DocumentKind, Record<string, string>>> = {
	community_pact: {
		Premesse:
			'Il patto è promosso ai sensi dell’art. 55 del D.Lgs. 117/2017 e delle Linee guida del DM 72/2021, a seguito dell’avviso pubblico di co-programmazione dell’Ambito sociale di Frosinone.',
		'Finalità e obiettivi':
			'Costruire insieme percorsi di inserimento lavorativo per le persone in carico ai servizi sociali e sanitari, mettendo in rete i sistemi sanitario, sociale, della formazione e del lavoro.',
		'Impegni delle parti':
			'Ciascun partner mette a disposizione della rete personale, spazi, attrezzature, risorse economiche, come riportato nella tabella.'
	},
	co_design: {
		'Contesto e bisogni':
			'Nell’Ambito di Frosinone molte persone seguite dai servizi di salute mentale e dai servizi sociali restano lontane dal lavoro anche dopo un percorso di cura: la mappatura mostra tirocini attivati uno per uno, senza un accompagnamento condiviso tra servizi e imprese.',
		'Obiettivi generali e specifici':
			'Obiettivo generale: l’inserimento lavorativo stabile delle persone in carico ai servizi. Obiettivi specifici, ciascuno misurabile: venti tirocini di inclusione in due anni; un tutor della cooperativa per ogni tirocinante; almeno un tirocinio su tre trasformato in contratto.'
	},
	minutes: {
		'Data, luogo e presenti':
			'12 novembre, ore 10, sala riunioni dei Servizi sociali del Comune di Frosinone. Presenti: Giulia Rinaldi (agente di comunità, presiede e verbalizza), Marco Ferri (Cooperativa sociale Il Ponte), Anna Colombo (Comune di Frosinone), Paolo De Santis (ASL Frosinone – DSM).',
		Decisioni:
			'Il tavolo avvia la mappatura dei servizi per il lavoro e affida all’agente di comunità la prima stesura del patto di comunità, da portare in revisione entro gennaio.'
	}
};

/** The first Yjs state of the demo document of kind: its template, with what the demo has written in its sections. */
export function demoState(kind: DocumentKind): Uint8Array {
	const writing = new Map(Object.entries(DEMO_WRITING[kind] ?? {}));
	const template = templateFor(kind);
	const blocks = template.content ?? [];
	// A section's writing goes in its first paragraph, the one that shows its guide while empty.
	const content = blocks.map((block, i) => {
		const heading = blocks[i - 1];
		const words = heading?.type === 'heading' ? writing.get(plainText(heading)) : undefined;
		if (words === undefined || block.type !== 'paragraph') return block;
		writing.delete(plainText(heading));
		return { ...block, content: [{ type: 'text', text: words }] };
	});
	// A heading renamed in the template must not drop the demo's words in silence.
	if (writing.size > 0) throw new Error(`demo: no section "${[...writing.keys()].join('", "')}" in the ${kind} template`);
	return stateOf({ ...template, content });
}
