// Encodings old Vietnamese shapefiles store text in; no dependencies, so the web form lists the same ones.
export const TEXT_ENCODINGS = ['utf-8', 'windows-1258', 'tcvn3', 'vni'] as const;
