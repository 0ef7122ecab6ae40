import type { DemoAccountDto, Role } from '@passerelle/shared/dto';

export interface DemoAccount extends DemoAccountDto {
  role: Role;
  communeInsee: string | null;
}

/**
 * Demo accounts of Val-d'Oise (95), all with the demo password (DEMO_PASSWORD). Addresses use the reserved
 * `.example` domain: no mail can reach a real person.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@valdoise.example', displayName: 'Claire Fontaine', description: 'Administratrice du département', role: 'ADMIN', communeInsee: null },
  { email: 'agent.voirie@valdoise.example', displayName: 'Julien Morel', description: 'Agent du département', role: 'AGENT', communeInsee: null },
  { email: 'agent.financements@valdoise.example', displayName: 'Sophie Lambert', description: 'Agente du département', role: 'AGENT', communeInsee: null },
  { email: 'maire@ableiges.example', displayName: 'Bernard Lefèvre', description: 'Maire d’Ableiges', role: 'MAYOR', communeInsee: '95002' },
  { email: 'secretariat@ableiges.example', displayName: 'Nathalie Girard', description: 'Secrétaire de mairie d’Ableiges', role: 'COLLABORATOR', communeInsee: '95002' },
  { email: 'adjoint@ableiges.example', displayName: 'Karim Benali', description: 'Adjoint au maire d’Ableiges', role: 'COLLABORATOR', communeInsee: '95002' },
  { email: 'maire@us.example', displayName: 'Martine Roux', description: 'Maire d’Us', role: 'MAYOR', communeInsee: '95625' },
  { email: 'secretariat@us.example', displayName: 'Thomas Petit', description: 'Secrétaire de mairie d’Us', role: 'COLLABORATOR', communeInsee: '95625' },
  { email: 'maire@vetheuil.example', displayName: 'Philippe Garnier', description: 'Maire de Vétheuil', role: 'MAYOR', communeInsee: '95651' },
  { email: 'adjointe@vetheuil.example', displayName: 'Élodie Mercier', description: 'Adjointe au maire de Vétheuil', role: 'COLLABORATOR', communeInsee: '95651' },
];

export const DEMO_DEPARTEMENT = '95';
