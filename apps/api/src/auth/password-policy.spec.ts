import { passwordProblem } from './password-policy';

describe(passwordProblem.name, () => {
  it('accepts a long passphrase of uncommon words, with any characters', async () => {
    await expect(passwordProblem('lavoir ciboulette trombone 42')).resolves.toBeNull();
    await expect(passwordProblem('Écluse-Vexin-Hérisson-77')).resolves.toBeNull();
  });

  it('refuses a short password and says how long it must be', async () => {
    await expect(passwordProblem('Court-1')).resolves.toBe('Le mot de passe doit contenir au moins 12 caractères (il en a 7).');
  });

  it('refuses a password over 128 characters', async () => {
    await expect(passwordProblem('x'.repeat(129))).resolves.toMatch(/ne peut pas dépasser 128/);
  });

  it.each(['motdepasse123', 'azertyuiop123', '123456789012', 'password1234', 'soleilsoleil', 'chocolat1234'])(
    'refuses the common or guessable %p, in French',
    async (password) => {
      await expect(passwordProblem(password)).resolves.toMatch(/^Ce mot de passe est trop facile à deviner\./);
    },
  );

  it('refuses a password made of the user’s own data or of the site’s name, and says so', async () => {
    await expect(passwordProblem('ableiges2024!', ['jeanne.martin@ableiges.fr', 'Jeanne Martin'])).resolves.toMatch(
      /trop facile à deviner\. Le mot de passe ne doit pas comporter de données personnelles/,
    );
    await expect(passwordProblem('passerelle2026')).resolves.toMatch(/données personnelles ou liées au site/);
  });
});
