import type { TeamDto } from '@passerelle/shared/dto';

/** "3 places sur 4 occupées": pending invitations count, as they hold a seat. French keeps the singular for 0 and 1. */
export function seatsText(seats: TeamDto['seats']): string {
  const plural = seats.used >= 2;
  return `${seats.used} ${plural ? 'places' : 'place'} sur ${seats.total} ${plural ? 'occupées' : 'occupée'}`;
}
