import { EntitySchema } from 'typeorm';

/** State of a shop's business licence (营业执照); 'none' is a shop trading without one. */
export type LicenceStatus = 'valid' | 'expired' | 'revoked' | 'none';

/** Credit grade of a shop, from A (best) to D. */
export type CreditGrade = 'A' | 'B' | 'C' | 'D';

/** The three storefront duties (门前三包) a shop signed for the pavement in front of it. */
export interface StorefrontDuties {
  /** 包卫生: the area the shop keeps clean. */
  cleanliness: string;
  /** 包绿化: the greenery it looks after. */
  greenery: string;
  /** 包秩序: the order it keeps, e.g. no goods or tables outside. */
  order: string;
}

/** The file of one street-front shop (一店一档): licence, responsible person, place, credit and 门前三包 duties. */
export interface Shop {
  id: number;
  name: string;
  licenceNo: string | null;
  licenceStatus: LicenceStatus;
  businessScope: string;
  responsiblePerson: string;
  phone: string;
  address: string;
  lng: number;
  lat: number;
  gridCode: string | null;
  creditPoints: number;
  creditGrade: CreditGrade;
  storefrontDuties: StorefrontDuties;
  createdAt: Date;
}

export const ShopEntity = new EntitySchema<Shop>({
  name: 'Shop',
  tableName: 'shop',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 128 },
    licenceNo: { name: 'licence_no', type: 'varchar', length: 64, nullable: true, unique: true },
    licenceStatus: { name: 'licence_status', type: 'varchar', length: 16 },
    businessScope: { name: 'business_scope', type: 'varchar', length: 255 },
    responsiblePerson: { name: 'responsible_person', type: 'varchar', length: 64 },
    phone: { type: 'varchar', length: 32 },
    address: { type: 'varchar', length: 255 },
    lng: { type: 'double' },
    lat: { type: 'double' },
    gridCode: { name: 'grid_code', type: 'varchar', length: 32, nullable: true },
    creditPoints: { name: 'credit_points', type: 'integer', default: 1000 },
    creditGrade: { name: 'credit_grade', type: 'varchar', length: 1 },
    storefrontDuties: {
      name: 'storefront_duties',
      type: 'text',
      transformer: { to: (duties: StorefrontDuties) => JSON.stringify(duties), from: (text: string) => JSON.parse(text) as StorefrontDuties },
    },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
