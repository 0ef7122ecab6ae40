import { type GrantFileOptions, SLICE_CHARACTERS, decodeText, departementCode, parseEuros, readGrantFile } from './grant-file';

const VAL_D_OISE: GrantFileOptions = { departement: { code: '95', name: 'Val-d’Oise' }, scheme: 'DETR', currentYear: 2025 };

const latin1 = (text: string) => Buffer.from(text, 'latin1');
/** Windows-1252 as spreadsheets save it: Latin-1, and a few signs (€, ’) in 0x80–0x9f. */
const windows1252 = (text: string) => latin1(text.replace(/€/g, '\u0080').replace(/’/g, '\u0092'));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function read(bytes: Buffer, options: GrantFileOptions = VAL_D_OISE) {
  const result = await readGrantFile(bytes, options);
  if (!result.ok) {
    throw new Error(`unread file: ${JSON.stringify(result)}`);
  }
  return result;
}

describe(readGrantFile.name, () => {
  it('reads a Windows-1252 export with « ; », French amounts and accented headers, keeping the département’s lines', async () => {
    const file = windows1252(
      [
        'Projet;Bénéficiaire;Département;Coût total HT;Subvention accordée;Année',
        'Rénovation énergétique de l’école;Ableiges;95;"180 000,00 €";54 000,00 €;2024',
        'Réfection de la voirie communale;Adon;45;100 000;30 000;2024',
        'Réfection de la voirie rue de l’Église;Us;095;"80\u00a0000,50";"20\u00a0000";2024',
      ].join('\r\n'),
    );
    const result = await read(file);
    expect(result.otherDepartementCount).toBe(1);
    expect(result.rejectedCount).toBe(0);
    expect(result.kept).toEqual([
      {
        line: 2,
        scheme: 'DETR',
        year: 2024,
        projectLabel: 'Rénovation énergétique de l’école',
        beneficiary: 'Ableiges',
        costHtCents: 18_000_000,
        grantCents: 5_400_000,
        theme: 'ECOLES_PETITE_ENFANCE',
      },
      expect.objectContaining({ line: 4, costHtCents: 8_000_050, grantCents: 2_000_000, theme: 'VOIRIE', beneficiary: 'Us' }),
    ]);
  });

  it('reads UTF-8 with a BOM, « , » separated and quoted, with header variants and a dotation column that decides', async () => {
    const file = utf8(
      '\ufeff' +
        [
          'annee,cout_total_ht,Montant de la subvention accordée,intitule_du_projet,nom_beneficiaire,code_departement,dotation',
          '2023,"180000.5","45\u202f000,00",Construction d’un groupe scolaire,"Commune de Vigny, 95",95,DSIL',
          '2023,200000,50000,Mise aux normes de la mairie,Us,95,',
        ].join('\n'),
    );
    const result = await read(file);
    expect(result.kept).toEqual([
      expect.objectContaining({ scheme: 'DSIL', year: 2023, costHtCents: 18_000_050, grantCents: 4_500_000, beneficiary: 'Commune de Vigny, 95' }),
      expect.objectContaining({ scheme: 'DETR', theme: 'BATIMENTS_COMMUNAUX' }),
    ]);
  });

  it('finds the header below a title, tab separated, and names the département in every usual way', async () => {
    const file = utf8(
      [
        'Liste des opérations subventionnées au titre de la DETR',
        '',
        'Exercice\tDépartement\tIntitulé de l’opération\tMaître d’ouvrage\tCoût HT\tMontant DETR attribué\tTaux de subvention',
        '2024\t95 - Val-d’Oise\tChaudière de la salle des fêtes\tSeraincourt\t50000\t15000\t30 %',
        '2024\tVAL D’OISE\tExtension du cimetière\tTheuville\t40000\t10000\t25 %',
        '2024\tVal-d’Oise (95)\tTerrain multisports\tVigny\t60000\t30000\t50 %',
        '2024\t78 - Yvelines\tVoirie\tX\t1\t1\t100 %',
        '2024\t2A\tVoirie\tX\t1\t1\t100 %',
      ].join('\n'),
    );
    const result = await read(file);
    expect(result.otherDepartementCount).toBe(2);
    expect(result.kept.map((row) => [row.line, row.costHtCents, row.grantCents, row.theme])).toEqual([
      [4, 5_000_000, 1_500_000, 'BATIMENTS_COMMUNAUX'],
      [5, 4_000_000, 1_000_000, null],
      [6, 6_000_000, 3_000_000, 'SPORT_LOISIRS'],
    ]);
  });

  it('rejects incomplete or inconsistent lines with a French reason and its line number', async () => {
    const file = utf8(
      [
        'projet;bénéficiaire;département;coût total HT;subvention accordée;année;dispositif',
        'Sans coût;A;95;;1000;2024;',
        'Trop aidé;A;95;1000;2000;2024;',
        'Année folle;A;95;1000;500;1890;',
        'Coût nul;A;95;0;0;2024;',
        'Montant illisible;A;95;mille euros;10;2024;',
        ';A;95;1000;100;2024;',
        'Sans département;A;;1000;100;2024;',
        'Fonds vert;A;95;1000;100;2024;Fonds vert',
        'Sans subvention;A;95;1000;;2024;',
        ';;;;;;',
        'Gardée;A;95;1000;0;14/03/2024;',
      ].join('\n'),
    );
    const result = await read(file);
    expect(result.rejected).toEqual([
      { line: 2, reason: 'Coût total HT manquant.' },
      { line: 3, reason: 'Subvention accordée (2\u202f000,00\u00a0€) supérieure au coût total HT (1\u202f000,00\u00a0€).' },
      { line: 4, reason: 'Année invalide : « 1890 ».' },
      { line: 5, reason: 'Coût total HT nul.' },
      { line: 6, reason: 'Coût total HT illisible : « mille euros ».' },
      { line: 7, reason: 'Intitulé du projet manquant.' },
      { line: 8, reason: 'Département manquant.' },
      { line: 9, reason: 'Dotation « Fonds vert » : seules la DETR et la DSIL sont importées.' },
      { line: 10, reason: 'Subvention accordée manquante.' },
    ]);
    expect(result.rejectedCount).toBe(9);
    expect(result.kept).toEqual([expect.objectContaining({ line: 12, year: 2024, grantCents: 0 })]);
  });

  it('keeps the first 50 rejected lines and counts them all', async () => {
    const lines = Array.from({ length: 70 }, (_, i) => `Projet ${i};A;95;;1;2024`);
    const result = await read(utf8(['projet;bénéficiaire;département;coût total HT;subvention accordée;année', ...lines].join('\n')));
    expect(result.rejectedCount).toBe(70);
    expect(result.rejected).toHaveLength(50);
    expect(result.rejected[49].line).toBe(51);
  });

  it('says which columns are missing when no line looks like the header', async () => {
    const result = await readGrantFile(utf8('projet;département;montant\nÉcole;95;1000\n'), VAL_D_OISE);
    expect(result).toEqual({ ok: false, problem: 'NO_HEADER', missing: ['cost', 'grant', 'year'] });
    expect(await readGrantFile(Buffer.alloc(0), VAL_D_OISE)).toMatchObject({ ok: false, problem: 'NO_HEADER' });
  });

  it('does not take the rate or the TTC cost for the amounts', async () => {
    const result = await readGrantFile(
      utf8('projet;département;coût total TTC;taux de subvention;année\nÉcole;95;1000;20;2024\n'),
      VAL_D_OISE,
    );
    expect(result).toEqual({ ok: false, problem: 'NO_HEADER', missing: ['cost', 'grant'] });
  });

  it('refuses a spreadsheet or any binary file, and a quote left open', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.alloc(64, 0)]);
    expect(await readGrantFile(xlsx, VAL_D_OISE)).toEqual({ ok: false, problem: 'NOT_TEXT' });
    const open = utf8('projet;département;coût total HT;subvention accordée;année\n"École;95;1000;100;2024\n');
    expect(await readGrantFile(open, VAL_D_OISE)).toEqual({ ok: false, problem: 'MALFORMED', line: expect.any(Number) });
  });

  it('reads a file of many slices whole, a character outside the BMP cut by none of them', async () => {
    const header = 'projet;département;coût total HT;subvention accordée;année\n';
    const lines = Array.from({ length: 5_000 }, (_, i) => `École n° ${String(i).padStart(5, '0')};95;100000;30000;2024\n`).join('');
    // Another département's line, as long as it takes for the emoji's first half to end a slice.
    const suffix = ';78;1;1;2024\n';
    const before = header.length + lines.length + suffix.length;
    const filler = `${'x'.repeat((((SLICE_CHARACTERS - 1 - before) % SLICE_CHARACTERS) + SLICE_CHARACTERS) % SLICE_CHARACTERS)}${suffix}`;
    const text = `${header}${lines}${filler}🏫 école;95;100000;30000;2024\n`;
    const at = text.indexOf('🏫');
    expect([at % SLICE_CHARACTERS, text.charCodeAt(at)]).toEqual([SLICE_CHARACTERS - 1, 0xd83c]);
    const result = await read(utf8(text));
    expect(result.kept).toHaveLength(5_001);
    expect(result.otherDepartementCount).toBe(1);
    expect(result.kept[5_000]).toMatchObject({ line: 5_003, projectLabel: '🏫 école' });
  });

  it('reads UTF-16 with its BOM (Excel’s « Texte Unicode »)', async () => {
    const text = 'Projet\tDépartement\tCoût total HT\tSubvention accordée\tAnnée\nÉcole\t95\t1000\t200\t2024\n';
    const result = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(result.kept).toEqual([expect.objectContaining({ projectLabel: 'École', costHtCents: 100_000, grantCents: 20_000 })]);
  });
});

describe(decodeText.name, () => {
  it('decodes UTF-8 with or without BOM, and falls back to Windows-1252', () => {
    expect(decodeText(utf8('\ufeffCoût'))).toBe('Coût');
    expect(decodeText(utf8('Coût'))).toBe('Coût');
    expect(decodeText(latin1('Coût'))).toBe('Coût');
    // 0x80 is the euro sign in Windows-1252, a control character in Latin-1.
    expect(decodeText(Buffer.from([0x31, 0x20, 0x80]))).toBe('1 €');
  });
});

describe(parseEuros.name, () => {
  it.each([
    ['180 000,00 €', 18_000_000],
    ['180000.5', 18_000_050],
    ['180\u00a0000', 18_000_000],
    ['180\u202f000,99', 18_000_099],
    ['1.234.567,89', 123_456_789],
    ['1,234,567.89', 123_456_789],
    ['180.000', 18_000_000],
    ['12,5', 1_250],
    ['10,5', 1_050],
    ['1.010,005', 101_001],
    ['54000 EUR', 5_400_000],
    ['54 000 euros', 5_400_000],
  ])('%s → %d cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each(['-100', 'mille', '1,2,3', '1.2.3,4.5', '12 %', '1e5'])('%s is no amount', (text) => {
    expect(parseEuros(text)).toBeNull();
  });
});

describe(departementCode.name, () => {
  it.each([
    ['95', '95'],
    ['095', '95'],
    ['1', '01'],
    ['2a', '2A'],
    ['971', '971'],
    ['Val-d’Oise', null],
    ['0', null],
  ])('%s → %s', (text, code) => {
    expect(departementCode(text)).toBe(code);
  });
});
