import { badInput, conflict } from '../../../lib/errors';

/**
 * A household is one dwelling of exactly one building, named by unit and room; the pair is
 * unique within the building. Buildings never sit in a retired grid (a grid is retired only
 * once its buildings are gone), so a building always takes new households.
 */
export function checkUnitOrRoom(value: string, field: string): string {
  const text = value.trim();
  if (!text || text.length > 20) throw badInput(field, `${field} must be 1–20 characters`);
  return text;
}

export function checkRoomFree(
  existing: { id: string } | null,
  place: { buildingCode: string; unit: string; room: string },
  ownId?: string,
  field = 'input.room',
): void {
  if (existing && existing.id !== ownId) {
    throw conflict(field, `unit ${place.unit} room ${place.room} already exists in building ${place.buildingCode}`, {
      householdId: existing.id,
    });
  }
}
