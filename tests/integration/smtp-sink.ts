import net from 'node:net';

export interface ReceivedMail {
	from: string;
	to: string[];
	data: string;
}

/**
 * The smallest SMTP server nodemailer will talk to, on a loopback port of
 * its own: it accepts every message and keeps it for the test to read.
 */
export async function startSmtpSink(): Promise<{ url: string; received: ReceivedMail[]; close(): Promise<void> }> {
	const received: ReceivedMail[] = [];
	const server = net.createServer((socket) => {
		let buffer = '';
		let current: ReceivedMail = { from: '', to: [], data: '' };
		let inData = false;
		socket.write('220 sink ESMTP\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			let index: number;
			while ((index = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, index);
				buffer = buffer.slice(index + 2);
				if (inData) {
					if (line === '.') {
						inData = false;
						received.push(current);
						current = { from: '', to: [], data: '' };
						socket.write('250 OK queued\r\n');
					} else current.data += (line.startsWith('..') ? line.slice(1) : line) + '\n';
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') socket.write('250-sink\r\n250 8BITMIME\r\n');
				else if (verb === 'MAIL') (current.from = line), socket.write('250 OK\r\n');
				else if (verb === 'RCPT') current.to.push(line), socket.write('250 OK\r\n');
				else if (verb === 'DATA') (inData = true), socket.write('354 go on\r\n');
				else if (verb === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('250 OK\r\n');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
