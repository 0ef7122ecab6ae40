import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Outline } from '@passerelle/shared/dto';

@Entity({ name: 'departement' })
export class DepartementEntity {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'eligibility_threshold', type: 'integer' })
  eligibilityThreshold!: number;

  @Column({ type: 'jsonb', nullable: true })
  outline!: Outline | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
