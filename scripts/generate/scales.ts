/**
 * Sizes of generated districts, from the source articles: one district or county-level city has
 * 6–36 streets, 27–70 communities, 117–505 grids of 300–500 households, 120 000–150 000
 * households and 350 000–400 000 residents. `city` is three districts, for growth curves.
 */
export interface Scale {
  name: string;
  districts: number;
  streetsPerDistrict: number;
  communitiesPerDistrict: number;
  gridsPerDistrict: number;
  /** Households per grid are drawn from this range; the ends fall outside the 300–500 band on purpose. */
  householdsPerGrid: [number, number];
  householdsPerBuilding: [number, number];
}

export const SCALES: Record<string, Scale> = {
  district: {
    name: 'district', districts: 1, streetsPerDistrict: 8, communitiesPerDistrict: 36, gridsPerDistrict: 340,
    householdsPerGrid: [290, 420], householdsPerBuilding: [24, 48],
  },
  city: {
    name: 'city', districts: 3, streetsPerDistrict: 8, communitiesPerDistrict: 36, gridsPerDistrict: 340,
    householdsPerGrid: [290, 420], householdsPerBuilding: [24, 48],
  },
};
