// The most common passwords of Italian and English breach lists; length alone
// lets too many of them through.
const COMMON = new Set([
	'password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'qwerty1234',
	'iloveyou12', 'password12', 'passw0rd12', 'abcdefghij', 'abc1234567', '0123456789', '1111111111',
	'juventus123', 'forzamilan', 'forzainter', 'forzaroma1', 'napoli1926', 'ciaociao12', 'ciao123456',
	'amoremio12', 'tiamo12345', 'francesca1', 'alessandro', 'cambiami12', 'benvenuto1', 'letmein123',
	'welcome123', 'changeme12', 'administrator', 'trustno1234', 'sunshine12', 'football12', 'superman12'
]);

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

/** Why a new password is too weak to accept, or null when it is fine. */
export function passwordProblem({ password, email }: { password: string; email: string }): PasswordProblem | null {
	if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
	const lowered = password.toLowerCase();
	if (COMMON.has(lowered) || new Set(lowered).size <= 2) return 'too_common';
	const local = email.toLowerCase().split('@')[0];
	if (local.length >= 4 && lowered.includes(local)) return 'contains_email';
	return null;
}
