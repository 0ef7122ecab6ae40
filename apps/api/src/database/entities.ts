import { CantonEntity } from '../territory/canton.entity';
import { CommuneEntity } from '../territory/commune.entity';
import { DepartementEntity } from '../territory/departement.entity';
import { EpciEntity } from '../territory/epci.entity';

/** Listed explicitly for the same reason as the migrations. */
export const ENTITIES = [DepartementEntity, CantonEntity, EpciEntity, CommuneEntity];
