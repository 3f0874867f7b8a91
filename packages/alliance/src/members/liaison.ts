import { AppError, type Ctx } from '@ronghe/core';
import { personForLiaison } from '@ronghe/people/read';

export interface LiaisonFields {
  liaisonPersonId: string;
  liaisonName: string;
  liaisonPhone: string | null;
  liaisonPartyMember: true;
}

const refuse = (message: string) => new AppError('validation_failed', message, { errors: [{ path: 'body.liaisonPersonId', message }] });

/**
 * Seed 000 11.1.2 with the people registry (issue 11): the liaison a member
 * organization names is an active party member of that organization (or of a
 * branch under it). Their name, phone and party membership are copied onto the
 * member row, which keeps the liaison readable where the registry is not.
 */
export async function liaisonFromPerson(ctx: Ctx, personId: string, org: { id: string; name: string; path: string }): Promise<LiaisonFields> {
  const person = await personForLiaison(ctx, personId);
  if (!person) throw refuse('所选联络员不在人员库中');
  if (person.status !== 'active') throw refuse(`${person.name}已转出，不能担任联络员`);
  if (person.kind !== 'party_member') throw refuse('联络员须由党员担任，志愿者不能担任');
  const inOrg = person.homeOrgId === org.id || (person.homeOrgPath ?? '').includes(`/${org.id}/`);
  if (!inOrg) throw refuse(`联络员须是“${org.name}”的党员`);
  return { liaisonPersonId: person.id, liaisonName: person.name, liaisonPhone: person.phone, liaisonPartyMember: true };
}
