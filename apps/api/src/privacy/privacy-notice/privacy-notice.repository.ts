import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@Injectable()
export class PrivacyNoticeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The name of the installation's département (`Val-d'Oise`), `null` before the territory is imported. */
  async departementName(code: string): Promise<string | null> {
    const rows: { name: string }[] = await this.db.query(`SELECT name FROM departement WHERE code = $1`, [code]);
    return rows[0]?.name ?? null;
  }
}
