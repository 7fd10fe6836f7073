// Boundary import requests: the options sent with a file to preview, and the commit of a previewed import.
import { z } from './messages';
import { isoDate } from './common';

import { TEXT_ENCODINGS } from './text-encodings';

export { TEXT_ENCODINGS };

const attribute = z.string().trim().min(1).max(100).nullable();
/** Which attributes hold each unit's code, name, type and parent. */
export const attributeMapping = z.object({
  level: z.enum(['commune', 'district']),
  code: attribute,
  name: attribute,
  type: attribute,
  parent: attribute,
});
export type AttributeMapping = z.infer<typeof attributeMapping>;

export const previewOptions = z
  .object({
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    epsg: z.number().int().min(1000).max(999_999).optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    layer: z.string().max(200).optional(),
    province: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    skipUnmatched: z.boolean().default(false),
    mapping: attributeMapping.partial().optional(),
  })
  .refine((o) => o.validTo === null || o.validTo > o.validFrom, {
    path: ['validTo'],
    message: 'Ngày hết hiệu lực phải sau ngày hiệu lực / validTo must be after validFrom',
  });
export type PreviewOptions = z.infer<typeof previewOptions>;

export const commitBody = z.object({
  token: z.string().regex(/^[a-f0-9]{32}$/),
  replaceDemo: z.boolean().default(false),
  legalBasis: z.string().trim().min(3).max(500).optional(),
});
export type CommitBody = z.infer<typeof commitBody>;

export const codeListForm = z.object({
  asOf: isoDate,
  name: z.string().trim().min(1).max(200),
});
