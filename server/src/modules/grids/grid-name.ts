/** How people call a unit grid: its community and number, "稻香社区0011号网格"; the code when the community is unknown. */
export function gridDisplayName(gridCode: string, communityName: string | null | undefined): string {
  return communityName ? `${communityName}${gridCode.slice(-4)}号网格` : gridCode;
}
