// Prefixed, time-sortable identifiers (ULID layout: 48-bit ms time + 80 random bits,
// Crockford base32). The prefix tells what a thing is when it shows up in a log.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type IdPrefix = 'org' | 'aud' | 'usr' | 'grt' | 'key' | 'req' | 'imp' | 'aln' | 'alm' | 'ags' | 'adc' | 'aev' | 'adj' | 'fil' | 'rrt' | 'rds' | 'cat' | 'ned' | 'res' | 'mrj' | 'prj' | 'alc' | 'pms' | 'pcl' | 'pnt' | 'evt' | 'dlq'
  // people (issue 11): person, org pairing, member report, report record, post, post claim, service log
  | 'psn' | 'opr' | 'mrp' | 'rrc' | 'pst' | 'pcm' | 'svc'
  // points: rule version, ledger entry; activities: activity, check-in, quota plan, org-life record, meeting, decision
  | 'ptr' | 'ple' | 'act' | 'chk' | 'qpl' | 'olr' | 'mtg' | 'mdc'
  // activity photo (issue 11 second wave)
  | 'aph'
  // assessment (issue 12): indicator scheme, indicator, assessment, indicator score, rating, rating link
  | 'isc' | 'ind' | 'asm' | 'asv' | 'rtg' | 'rlk'
  // honours: standardization application, branch evaluation, designation, demonstration site
  | 'bsa' | 'bev' | 'dsg' | 'dms'
  // rewards: round, allocation, disbursement; funds: fund ledger entry
  | 'rwr' | 'rwa' | 'rwd' | 'fle'
  // activity quota reminder (issue 11 leftover)
  | 'aqr'
  // funds: a contribution call (各方筹, one entry per member)
  | 'fcl'
  // webhooks (issue 14): endpoint, delivery, attempt
  | 'whe' | 'whd' | 'wha';

export function ulid(now: number, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = random(new Uint8Array(16));
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[i]! % 32];
  return time + rand;
}

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${ulid(now).toLowerCase()}`;
}

export function isId(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-z]{26}$`).test(value);
}
