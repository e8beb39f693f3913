-- Demo network in Italian. Its people are the four demo accounts, created
-- before this file runs (by Trama's embedded seeder, or by hand in Supabase
-- Auth with the same ids); where they do not exist, nothing is inserted.

insert into public.networks (id, name, territory, description, phase, created_by)
select
  'de000000-0000-4000-8000-000000000001',
  'Inserimento lavorativo – Ambito di Frosinone 2027',
  'Ambito sociale FR-B, Frosinone',
  'Rete per l''inserimento lavorativo di persone in carico ai servizi di salute mentale e dipendenze: mettiamo in comune servizi, opportunità formative e posti di lavoro del territorio e scriviamo insieme il patto di comunità.',
  'mapping',
  'd0000000-0000-4000-8000-000000000001'
where exists (select 1 from auth.users where id = 'd0000000-0000-4000-8000-000000000001');

-- Tax codes are fictitious, with the right check digit; Il Ponte, a type-B
-- cooperative, works in two systems.
insert into public.partners (id, network_id, name, kind, systems, description, address, website, contact_person, legal_representative, tax_code)
select p.id::uuid, n.id, p.name, p.kind::public.partner_kind, string_to_array(p.systems, ',')::public.network_system[], p.description,
  p.address, p.website, p.contact, p.representative, p.tax_code
from public.networks n
cross join (values
  ('de000000-0000-4000-8000-000000000101', 'ASL Frosinone – Dipartimento di Salute Mentale', 'health_service', 'health', 'Centri di salute mentale del distretto B: presa in carico e progetti individuali.',
   'Via Armando Fabi, 03100 Frosinone', 'https://www.asl.fr.it', 'Paolo De Santis, dsm@asl.fr.test, 0775 000101', 'Direttore generale pro tempore', '01234560785'),
  ('de000000-0000-4000-8000-000000000102', 'SerD Frosinone', 'health_service', 'health', 'Servizio per le dipendenze patologiche.',
   'Via Armando Fabi, 03100 Frosinone', '', 'Segreteria SerD, serd@asl.fr.test', '', ''),
  ('de000000-0000-4000-8000-000000000103', 'Comune di Frosinone – Servizi sociali', 'local_authority', 'social', 'Capofila dell''ambito: segretariato sociale e servizio sociale professionale.',
   'Piazza VI Dicembre, 03100 Frosinone', 'https://www.comune.frosinone.it', 'Anna Colombo, servizi.sociali@comune.fr.test', 'Il Sindaco pro tempore', '80002120600'),
  ('de000000-0000-4000-8000-000000000104', 'Cooperativa sociale Arcobaleno', 'social_coop_a', 'social', 'Servizi socio-educativi e centro diurno.',
   'Via Aldo Moro 12, 03100 Frosinone', '', 'Laura Bianchi, 0775 000104', 'Laura Bianchi', '00274090604'),
  ('de000000-0000-4000-8000-000000000105', 'Associazione Famiglie in Rete', 'association', 'social', 'Auto mutuo aiuto tra familiari.',
   '', '', 'Sportello del martedì, famiglieinrete@example.org', 'Anna Verdi', '92005780603'),
  ('de000000-0000-4000-8000-000000000106', 'Ente di formazione Futuro Lavoro', 'training_body', 'training', 'Corsi di qualifica accreditati dalla Regione Lazio.',
   'Viale Mazzini 40, 03100 Frosinone', 'https://futurolavoro.example.org', 'Ufficio corsi, 0775 000106', 'Giorgio Neri', '02543210609'),
  ('de000000-0000-4000-8000-000000000107', 'IIS Brunelleschi – Da Vinci', 'school', 'training', 'Percorsi per adulti e PCTO.',
   'Via Puccini, 03100 Frosinone', '', 'Referente PCTO', 'Il Dirigente scolastico', '80001540600'),
  ('de000000-0000-4000-8000-000000000108', 'Centro per l''impiego di Frosinone', 'job_centre', 'employment', 'Collocamento mirato (L. 68/1999) e tirocini.',
   'Via Mola Vecchia, 03100 Frosinone', '', 'Ufficio collocamento mirato, 0775 000108', '', ''),
  ('de000000-0000-4000-8000-000000000109', 'Cooperativa sociale Il Ponte', 'social_coop_b', 'social,employment', 'Inserimento lavorativo in manutenzione del verde e logistica.',
   'Via Casilina Sud 210, 03100 Frosinone', 'https://ilponte.example.org', 'Marco Ferri, marco.ferri@trama.test, 0775 000109', 'Marco Ferri', '01987650601'),
  ('de000000-0000-4000-8000-000000000110', 'Ciociaria Verde srl', 'company', 'employment', 'Impresa agricola disponibile a tirocini.',
   'Località Selva, 03100 Frosinone', '', 'Stefano Rossi, 0775 000110', 'Stefano Rossi', '02876540606')
) as p (id, name, kind, systems, description, address, website, contact, representative, tax_code)
where n.id = 'de000000-0000-4000-8000-000000000001';

-- The facilitator became a member when the network was created.
insert into public.memberships (network_id, user_id, role, partner_id)
select n.id, m.user_id::uuid, m.role::public.network_role, m.partner_id::uuid
from public.networks n
cross join (values
  ('d0000000-0000-4000-8000-000000000002', 'editor', 'de000000-0000-4000-8000-000000000109'),
  ('d0000000-0000-4000-8000-000000000003', 'commenter', 'de000000-0000-4000-8000-000000000103'),
  ('d0000000-0000-4000-8000-000000000004', 'viewer', 'de000000-0000-4000-8000-000000000101')
) as m (user_id, role, partner_id)
where n.id = 'de000000-0000-4000-8000-000000000001'
  and exists (select 1 from auth.users u where u.id = m.user_id::uuid);

-- An invitation still waiting, so the facilitator sees a link to copy again.
-- Its token is random on every install: a token written here would be public.
insert into public.invitations (network_id, email, role, partner_id, token, token_hash, expires_at, created_by)
select n.id, 'luca.marini@trama.test', 'commenter', 'de000000-0000-4000-8000-000000000108', l.token,
  sha256(convert_to(l.token, 'UTF8')), now() + interval '7 days', n.created_by
from public.networks n
cross join (select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') as token) as l
where n.id = 'de000000-0000-4000-8000-000000000001';

-- Three discussions, as the network has them a few days into the process:
-- one pinned, one under way, one closed.
insert into public.threads (id, network_id, title, body, author_id, pinned, created_at, closed, closed_at, closed_by)
select t.id::uuid, n.id, t.title, t.body, t.author_id::uuid, t.pinned, now() - t.age::interval,
  t.closed, case when t.closed then now() - interval '12 days' end, case when t.closed then t.author_id::uuid end
from public.networks n
cross join (values
  ('de000000-0000-4000-8000-000000000201', 'Calendario degli incontri del tavolo',
   E'Propongo di vederci **ogni secondo martedì del mese**, dalle 10 alle 12, a rotazione nelle sedi dei partner.\n\n- 9 dicembre: Comune di Frosinone\n- 13 gennaio: Cooperativa sociale Il Ponte\n- 10 febbraio: Centro per l''impiego\n\n@[Marco Ferri](mention:d0000000-0000-4000-8000-000000000002) riesci a confermare la sala della cooperativa per gennaio?',
   'd0000000-0000-4000-8000-000000000001', true, '5 days', false),
  ('de000000-0000-4000-8000-000000000202', 'Criteri di accesso ai tirocini: chi li definisce?',
   E'Nella co-progettazione dobbiamo scrivere chi può accedere ai tirocini di inclusione (DGR Lazio 511/2013) e chi firma il progetto individuale.\n\nProposta: i criteri li scrive il tavolo, la valutazione del singolo caso resta ai servizi che hanno in carico la persona (CSM e SerD).',
   'd0000000-0000-4000-8000-000000000002', false, '3 days', false),
  ('de000000-0000-4000-8000-000000000203', 'Sede dell''incontro di novembre',
   'L''incontro del 12 novembre si tiene nella sala consiliare del Comune, piano terra, accessibile.',
   'd0000000-0000-4000-8000-000000000001', false, '14 days', true)
) as t (id, title, body, author_id, pinned, age, closed)
where n.id = 'de000000-0000-4000-8000-000000000001'
  and exists (select 1 from auth.users u where u.id = t.author_id::uuid);

insert into public.thread_messages (thread_id, network_id, body, author_id, created_at)
select m.thread_id::uuid, n.id, m.body, m.author_id::uuid, now() - m.age::interval
from public.networks n
cross join (values
  ('de000000-0000-4000-8000-000000000201', E'Confermo la sala per il 13 gennaio. C''è il parcheggio interno e la rampa all''ingresso laterale.', 'd0000000-0000-4000-8000-000000000002', '4 days'),
  ('de000000-0000-4000-8000-000000000201', E'Per il Comune va bene. Chiedo solo di mandare l''ordine del giorno **una settimana prima**, così posso coinvolgere l''assessorato.', 'd0000000-0000-4000-8000-000000000003', '4 days'),
  ('de000000-0000-4000-8000-000000000202', E'D''accordo sulla distinzione. Aggiungerei che il Centro per l''impiego verifica l''iscrizione al collocamento mirato (L. 68/1999) prima dell''avvio.\n\n@[Giulia Rinaldi](mention:d0000000-0000-4000-8000-000000000001) lo mettiamo nell''ordine del giorno di dicembre?', 'd0000000-0000-4000-8000-000000000003', '2 days'),
  ('de000000-0000-4000-8000-000000000203', 'Grazie, ci vediamo lì.', 'd0000000-0000-4000-8000-000000000002', '13 days')
) as m (thread_id, body, author_id, age)
where n.id = 'de000000-0000-4000-8000-000000000001'
  and exists (select 1 from public.threads t where t.id = m.thread_id::uuid);
