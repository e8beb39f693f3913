import type { Transporter } from 'nodemailer';
import { translate, type Locale } from '$lib/i18n/translate';
import type { Role } from '$lib/domain';

/**
 * Invitation mail, sent only when SMTP_URL names a server (for example
 * smtp://user:password@mail.example.org:587). Without it the facilitator
 * copies the link from the page, which always works.
 */
export interface Mailer {
	sendInvitation(invitation: InvitationMail): Promise<void>;
}

export interface InvitationMail {
	to: string;
	link: string;
	network: string;
	inviter: string;
	role: Role;
	days: number;
	locale: Locale;
}

export function invitationText(mail: InvitationMail): { subject: string; text: string } {
	const role = translate(mail.locale, `role.${mail.role}`);
	return {
		subject: translate(mail.locale, 'mail.inviteSubject', { network: mail.network }),
		text: translate(mail.locale, 'mail.inviteBody', {
			inviter: mail.inviter,
			network: mail.network,
			role,
			link: mail.link,
			days: mail.days
		})
	};
}

export function smtpMailer(url: string, from: string): Mailer {
	// nodemailer (5 MB of heap) is loaded with the first invitation sent, not with the server.
	let transport: Promise<Transporter> | undefined;
	return {
		async sendInvitation(mail) {
			const { subject, text } = invitationText(mail);
			transport ??= import('nodemailer').then(({ default: nodemailer }) =>
				// Short timeouts: a facilitator is waiting for the page to answer.
				nodemailer.createTransport(url, {
					connectionTimeout: 5_000,
					greetingTimeout: 5_000,
					socketTimeout: 10_000
				} as never)
			);
			await (await transport).sendMail({ from, to: mail.to, subject, text });
		}
	};
}

/** The configured mailer, or null when mail is not set up. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
	const url = env.SMTP_URL?.trim();
	if (!url) return null;
	return smtpMailer(url, env.MAIL_FROM?.trim() || 'Trama <noreply@localhost>');
}
