import { Territory1763800000000 } from './1763800000000-territory';
import { Accounts1763900000000 } from './1763900000000-accounts';
import { Projects1764000000000 } from './1764000000000-projects';
import { Threads1764100000000 } from './1764100000000-threads';
import { Publication1764200000000 } from './1764200000000-publication';
import { PublicPortal1764300000000 } from './1764300000000-public-portal';
import { AccountSecurity1764400000000 } from './1764400000000-account-security';
import { PublicationIntegrity1764410000000 } from './1764410000000-publication-integrity';
import { MailOutbox1764420000000 } from './1764420000000-mail-outbox';
import { PublicSearchByDepartement1764430000000 } from './1764430000000-public-search-by-departement';
import { PublicSearchOneIndex1764440000000 } from './1764440000000-public-search-one-index';
import { InboxSearchByDepartement1764450000000 } from './1764450000000-inbox-search-by-departement';
import { Faq1764460000000 } from './1764460000000-faq';
import { FaqSuggestions1764470000000 } from './1764470000000-faq-suggestions';
import { AidSchemes1764480000000 } from './1764480000000-aid-schemes';
import { AidGrantImports1764490000000 } from './1764490000000-aid-grant-imports';
import { Indicators1764500000000 } from './1764500000000-indicators';
import { IndicatorStamp1764510000000 } from './1764510000000-indicator-stamp';
import { Privacy1764520000000 } from './1764520000000-privacy';
import { DepartementProjects1764530000000 } from './1764530000000-departement-projects';

/** Listed explicitly: the API is bundled, so TypeORM cannot glob for migration files at run time. */
export const MIGRATIONS = [
  Territory1763800000000,
  Accounts1763900000000,
  Projects1764000000000,
  Threads1764100000000,
  Publication1764200000000,
  PublicPortal1764300000000,
  AccountSecurity1764400000000,
  PublicationIntegrity1764410000000,
  MailOutbox1764420000000,
  PublicSearchByDepartement1764430000000,
  PublicSearchOneIndex1764440000000,
  InboxSearchByDepartement1764450000000,
  Faq1764460000000,
  FaqSuggestions1764470000000,
  AidSchemes1764480000000,
  AidGrantImports1764490000000,
  Indicators1764500000000,
  IndicatorStamp1764510000000,
  Privacy1764520000000,
  DepartementProjects1764530000000,
];
