import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationText, mailerFromEnv, smtpMailer } from '../../src/lib/server/mail.ts';
import { startSmtpSink } from './smtp-sink.ts';

// The body travels quoted-printable; read it as the recipient's mail client would.
const decodeQuotedPrintable = (text: string) =>
	Buffer.from(
		text.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
		'latin1'
	).toString('utf8');

const invitation = {
	to: 'anna@comune.test',
	link: 'http://localhost:3000/invite/abc123',
	network: 'Rete lavoro Sora',
	inviter: 'Giulia Rinaldi',
	role: 'commenter' as const,
	days: 7,
	locale: 'it' as const
};

describe('invitation mail', () => {
	let sink: Awaited<ReturnType<typeof startSmtpSink>>;
	beforeAll(async () => {
		sink = await startSmtpSink();
	});
	afterAll(() => sink.close());

	it('is not sent at all when no SMTP server is configured', () => {
		expect(mailerFromEnv({})).toBeNull();
	});

	it('reaches the SMTP server with the link, the network and the role in the inviter’s language', async () => {
		await smtpMailer(sink.url, 'Trama <trama@test>').sendInvitation(invitation);
		expect(sink.received).toHaveLength(1);
		const [mail] = sink.received;
		expect(mail.to.join()).toContain('anna@comune.test');
		const body = decodeQuotedPrintable(mail.data);
		expect(body).toContain('http://localhost:3000/invite/abc123');
		expect(body).toContain('Giulia Rinaldi ti invita a partecipare alla rete «Rete lavoro Sora»');
		const { subject, text } = invitationText(invitation);
		expect(subject).toBe('Invito alla rete «Rete lavoro Sora» su Trama');
		expect(text).toContain('come Commentatore');
		expect(text).toContain('valido 7 giorni');
	});

	it('fails loudly, for the page to report, when the server cannot be reached', async () => {
		const closed = net.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as net.AddressInfo;
		await new Promise((resolve) => closed.close(resolve));
		await expect(smtpMailer(`smtp://127.0.0.1:${port}`, 'x@test').sendInvitation(invitation)).rejects.toThrow();
	});
});
