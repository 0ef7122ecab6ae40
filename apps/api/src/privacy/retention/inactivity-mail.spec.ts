import { frenchPeriod, inactivityWarningMail } from './inactivity-mail';

describe(inactivityWarningMail.name, () => {
  const input = {
    to: 'jeanne@example.fr',
    displayName: 'Jeanne <Martin>',
    warning: 1 as const,
    deletionAt: new Date('2026-03-16T12:00:00Z'),
    disabled: false,
    signInUrl: 'https://passerelle.example/connexion',
    inactiveDays: 730,
  };

  it('says the day, the period, and that signing in keeps the account', () => {
    const mail = inactivityWarningMail(input);
    expect(mail.subject).toBe('Votre compte Passerelle inactif sera supprimé');
    expect(mail.text).toContain('un compte sans connexion depuis 2 ans est supprimé');
    expect(mail.text).toContain('Votre compte sera supprimé à partir du lundi 16 mars 2026.');
    expect(mail.text).toContain('il suffit de vous connecter avant cette date');
    expect(mail.text).toContain('https://passerelle.example/connexion');
    expect(mail.html).toContain('Jeanne &lt;Martin&gt;');
    expect(mail.html).not.toContain('<Martin>');
  });

  it('tells the last warning, and the owner of a disabled account to ask the département', () => {
    const mail = inactivityWarningMail({ ...input, warning: 2, disabled: true });
    expect(mail.subject).toBe('Dernier rappel : votre compte Passerelle sera supprimé');
    expect(mail.text).toContain('demandez au département de le réactiver');
    expect(mail.text).not.toContain('il suffit de vous connecter');
  });
});

describe(frenchPeriod.name, () => {
  it.each([
    [365, '1 an'],
    [730, '2 ans'],
    [540, '18 mois'],
    [100, '100 jours'],
  ])('%i days → %s', (days, words) => {
    expect(frenchPeriod(days)).toBe(words);
  });
});
