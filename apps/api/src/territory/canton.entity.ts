import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Outline } from '@passerelle/shared/dto';

@Entity({ name: 'canton' })
export class CantonEntity {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code!: string;

  @Column({ name: 'departement_code', type: 'varchar', length: 3 })
  departementCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb', nullable: true })
  outline!: Outline | null;
}
