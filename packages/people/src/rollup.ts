import { toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';
import { activeOrgIdsInDomainsSql } from '@ronghe/registry/read';
import { PAIRING_REQUIRED_DOMAINS } from './pairing/rules.ts';

// The people registry's figures for the city's rollup (issue 13, ADR 0022): counts only, never a person.

/** members: active party members, in service, those with a live 双报到 report; organs that must pair and those paired. */
export const peopleRollup: AggregateRead<FiguresPart> = {
  statements: (d1) => {
    const organs = activeOrgIdsInDomainsSql(PAIRING_REQUIRED_DOMAINS);
    return [
      d1.prepare(
        `SELECT
           (SELECT count(*) FROM people WHERE kind = 'party_member' AND status = 'active') AS partyMembers,
           (SELECT count(*) FROM people WHERE kind = 'party_member' AND status = 'active' AND in_service = 1) AS inService,
           (SELECT count(DISTINCT r.person_id) FROM member_reports r JOIN people p ON p.id = r.person_id
              WHERE r.status = 'active' AND p.kind = 'party_member' AND p.status = 'active' AND p.in_service = 1) AS reportedMembers,
           (SELECT count(*) FROM (${organs})) AS organs,
           (SELECT count(DISTINCT g.org_id) FROM org_pairings g WHERE g.status = 'active' AND g.org_id IN (${organs})) AS pairedOrgans`,
      ),
    ];
  },
  parse: ([res]) => {
    const r = res?.results[0] ?? {};
    const members = Object.fromEntries(['partyMembers', 'inService', 'reportedMembers', 'organs', 'pairedOrgans'].map((k) => [k, toCount(r[k])]));
    return { figures: { members }, months: {} };
  },
};
