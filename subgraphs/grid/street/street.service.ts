import { newId } from '../../../lib/ids';
import { checkCode, checkName } from '../shared/codes';
import { requireRecord } from '../../../lib/records';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Street } from './street.entity';
import type { GridContext } from '../context';
import { checkStreetWrite } from '../access';
import type { CreateStreetInput, UpdateStreetInput } from './street.inputs';

/** Streets: the city creates and renames them. */
export async function createStreet(ctx: GridContext, input: CreateStreetInput): Promise<Street> {
  checkStreetWrite(ctx.viewer, 'creating a street');
  const code = checkCode(input.code, 'input.code');
  const name = checkName(input.name, 'input.name');
  return ctx.em.transactional(async (em) => {
    await requireFreeCode(em, Street, code, 'input.code');
    return em.create(Street, { id: newId(), code, name });
  });
}

export async function updateStreet(ctx: GridContext, input: UpdateStreetInput): Promise<Street> {
  checkStreetWrite(ctx.viewer, 'updating a street');
  return ctx.em.transactional(async (em) => {
    const street = await requireRecord(em, Street, input.id, 'input.id');
    if (input.code != null) street.code = await freeCode(em, Street, input.code, 'input.code', street.id);
    if (input.name !== undefined && input.name !== null) street.name = checkName(input.name, 'input.name');
    return street;
  });
}
