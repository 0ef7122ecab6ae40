import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Outline } from '@passerelle/shared/dto';
import { CantonEntity } from './canton.entity';
import { DepartementEntity } from './departement.entity';
import { EpciEntity } from './epci.entity';

@Entity({ name: 'commune' })
export class CommuneEntity {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  insee!: string;

  @Column({ name: 'departement_code', type: 'varchar', length: 3 })
  departementCode!: string;

  @ManyToOne(() => DepartementEntity)
  @JoinColumn({ name: 'departement_code' })
  departement?: DepartementEntity;

  @Column({ name: 'canton_code', type: 'varchar', length: 5, nullable: true })
  cantonCode!: string | null;

  @ManyToOne(() => CantonEntity, { nullable: true })
  @JoinColumn({ name: 'canton_code' })
  canton?: CantonEntity | null;

  @Column({ name: 'epci_siren', type: 'varchar', length: 9, nullable: true })
  epciSiren!: string | null;

  @ManyToOne(() => EpciEntity, { nullable: true })
  @JoinColumn({ name: 'epci_siren' })
  epci?: EpciEntity | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer' })
  population!: number;

  @Column({ type: 'text', array: true })
  postcodes!: string[];

  @Column({ type: 'varchar', length: 9, nullable: true })
  siren!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'jsonb', nullable: true, select: false })
  outline!: Outline | null;

  /** Population under the département's threshold; recomputed by the import and when the threshold changes. */
  @Column({ type: 'boolean' })
  eligible!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
