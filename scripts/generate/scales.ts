/**
 * Sizes of generated districts, from the source articles: one district or county-level city has
 * 6–36 streets, 27–70 communities, 117–505 grids of 300–500 households, 120 000–150 000
 * households and 350 000–400 000 residents, about 11 000–13 000 in-service Party members
 * reporting to their residence communities and 4 000 resident ones, 300 units, 24 000 pledges,
 * 150 000 cases a year and 1 800 wishes. `city` is three districts, for growth curves; `tiny`
 * is for tests.
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
  /** Per district: RESIDENT and RETIRED members, and IN_SERVICE members. */
  residentMembersPerDistrict: number;
  inServiceMembersPerDistrict: number;
  unitsPerDistrict: number;
  /** Cases reported in the year before the generated "today", per district. */
  casesPerDistrict: number;
  wishesPerDistrict: number;
}

/**
 * 12 500 in-service members: with at most 2 active pledges each and most of them reported,
 * that is what 24 000 active pledges take.
 */
const DISTRICT = {
  streetsPerDistrict: 8,
  communitiesPerDistrict: 36,
  gridsPerDistrict: 340,
  householdsPerGrid: [290, 420] as [number, number],
  householdsPerBuilding: [24, 48] as [number, number],
  residentMembersPerDistrict: 4_000,
  inServiceMembersPerDistrict: 12_500,
  unitsPerDistrict: 300,
  casesPerDistrict: 150_000,
  wishesPerDistrict: 1_800,
};

export const SCALES: Record<string, Scale> = {
  district: { name: 'district', districts: 1, ...DISTRICT },
  city: { name: 'city', districts: 3, ...DISTRICT },
  tiny: {
    name: 'tiny',
    districts: 1,
    streetsPerDistrict: 2,
    communitiesPerDistrict: 3,
    gridsPerDistrict: 6,
    householdsPerGrid: [20, 30],
    householdsPerBuilding: [8, 12],
    residentMembersPerDistrict: 20,
    inServiceMembersPerDistrict: 40,
    unitsPerDistrict: 6,
    casesPerDistrict: 1_500,
    wishesPerDistrict: 30,
  },
};
