import { homeOf, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps a path of the app, with its query and fragment', () => {
    expect(safeReturnUrl('/espace/equipe')).toBe('/espace/equipe');
    expect(safeReturnUrl('/departement/administration?onglet=agents#liste')).toBe(
      '/departement/administration?onglet=agents#liste',
    );
  });

  it.each([
    ['an absolute URL', 'https://evil.com/espace'],
    ['a protocol-relative URL', '//evil.com'],
    ['a backslash that browsers read as a slash', '/\\evil.com'],
    ['a tab that browsers drop', '/\t/evil.com'],
    ['a line break', '/\n/evil.com'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'espace'],
    ['an empty value', ''],
    ['a missing value', null],
    ['several values', ['/espace', '/compte']],
  ])('refuses %s', (_case, value) => {
    expect(safeReturnUrl(value)).toBeNull();
  });

  it('refuses the sign-in page itself, which would look like a failed sign-in', () => {
    expect(safeReturnUrl('/connexion')).toBeNull();
    expect(safeReturnUrl('/connexion?retour=/compte')).toBeNull();
    expect(safeReturnUrl('/connexions-recentes')).toBe('/connexions-recentes');
  });
});

describe('homeOf', () => {
  it('sends commune members to their workspace and staff to the back office', () => {
    expect(homeOf('MAYOR')).toBe('/espace');
    expect(homeOf('COLLABORATOR')).toBe('/espace');
    expect(homeOf('AGENT')).toBe('/departement');
    expect(homeOf('ADMIN')).toBe('/departement');
  });
});
