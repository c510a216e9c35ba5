import type { PatrolTeamCandidate } from '@contracts/patrols';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { teamCandidatesPath } from '../requests';

/** GET /api/patrols/team-candidates for the plan editor's team picker (cached per page load). */
export function useTeamCandidatesQuery(): UseJsonQueryReturn<PatrolTeamCandidate[]> {
  return useJsonQuery<PatrolTeamCandidate[]>(teamCandidatesPath, { cache: true });
}
