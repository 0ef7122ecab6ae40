import { invitationMail, passwordResetMail } from './mails';

describe('mail templates', () => {
  it('escapes names in the HTML and gives the link in both versions', () => {
    const mail = invitationMail({
      to: 'a@b.example',
      url: 'https://passerelle.example/invitation/abc',
      what: 'collaborateur de la commune d’Ableiges',
      invitedBy: '<script>alert(1)</script>',
      expiresAt: new Date('2026-11-29T10:00:00Z'),
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('https://passerelle.example/invitation/abc');
    expect(mail.text).toContain('avant le 29 novembre 2026');
    expect(passwordResetMail('a@b.example', 'https://x.example/r/1').text).toMatch(/valable une heure/);
  });
});
