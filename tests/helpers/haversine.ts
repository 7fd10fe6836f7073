// Great-circle distance in metres (haversine on the WGS 84 mean radius), written out for the specs that check a
// drawn scale against the ground, independently of the code's projections.
export function haversine([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a =
    Math.sin(r(lat2! - lat1!) / 2) ** 2 + Math.cos(r(lat1!)) * Math.cos(r(lat2!)) * Math.sin(r(lon2! - lon1!) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}
