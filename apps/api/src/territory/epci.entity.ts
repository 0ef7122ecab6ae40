import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Intercommunalité (communauté de communes, d'agglomération, urbaine, métropole). */
@Entity({ name: 'epci' })
export class EpciEntity {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  siren!: string;

  @Column({ type: 'text' })
  name!: string;

  /** CC, CA, CU or METRO. */
  @Column({ type: 'varchar', length: 10 })
  kind!: string;
}
