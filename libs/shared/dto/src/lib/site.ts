/**
 * The state of compliance with the RGAA 4.1, as the statement (`/accessibilite`) and the footer of every page say
 * it. No conformity audit has been made yet, and without a valid audit the RGAA allows only "non conforme",
 * whatever the automated tests say: change it here after an audit.
 */
export const ACCESSIBILITY_STATUS = 'non conforme';
