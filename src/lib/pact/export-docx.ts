/**
 * A sealed version of a community pact as a Word file, for the partners who
 * file their acts in Word: the document export's own writer (docx.ts) with
 * the same contents as the PDF — the fingerprint on the cover and at the foot
 * of every page, the sealed text and its commitments, a signature page and
 * the adhesion register as it stands when exported.
 */
import { toDocx } from '../documents/docx.ts';
import { commitmentsSection } from '../documents/commitments-table.ts';
import type { DocNode } from '../documents/json.ts';
import { translate, type Locale } from '../i18n/translate.ts';
import { footerLine, registerSection, sealedFacts, sealedVersionLabel, signatureSection } from './sealed-parts.ts';
import type { SealedExportOptions } from './export-pdf.ts';
import type { RegisterLine, SealedPact } from './sealed.ts';

const doc = (content: DocNode[]): DocNode => ({ type: 'doc', content });

export async function sealedPactDocx(
	pact: SealedPact,
	register: RegisterLine[],
	locale: Locale,
	{ now = new Date() }: SealedExportOptions = {}
): Promise<Uint8Array> {
	const commitments = commitmentsSection(pact.commitments, pact.partners, pact.entryNames, locale);
	const none: DocNode = { type: 'paragraph', content: [{ type: 'text', text: translate(locale, 'pactExport.noCommitments'), marks: [{ type: 'italic' }] }] };
	const signatures = signatureSection(pact, locale);
	return toDocx(doc([...(pact.json.content ?? []), ...(commitments.length ? commitments : [none])]), {
		title: pact.title,
		networkName: pact.networkName,
		partners: pact.partners.map((partner) => partner.name).sort((a, b) => a.localeCompare(b, locale)),
		versionLabel: sealedVersionLabel(pact, locale),
		exportedAt: now,
		locale,
		coverFacts: sealedFacts(pact, locale),
		footer: { text: footerLine(pact, locale), pages: translate(locale, 'pactExport.page') },
		appendices: [doc([signatures.heading, signatures.intro, ...signatures.blocks.flat()]), doc(registerSection(register, locale, now))]
	});
}
