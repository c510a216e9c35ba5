import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import { errorMessageOf } from '@/api/api-errors';
import { useClaimTaskMutation } from './use-claim-task.mutation';
import { useUnclaimTaskMutation } from './use-unclaim-task.mutation';

/** Options of useTaskClaiming. */
export interface UseTaskClaimingOptions {
  /** Called after every claim or unclaim, successful or not, to fetch the tasks again (a conflict means the list is stale). */
  onSettled: () => void;
}

/** What useTaskClaiming returns. */
export interface UseTaskClaimingReturn {
  /** Claims a task, telling the user the outcome; resolves to whether it worked. */
  claim: (taskId: string) => Promise<boolean>;
  /** Hands one's own task back, telling the user the outcome; resolves to whether it worked. */
  unclaim: (taskId: string) => Promise<boolean>;
  /** The task whose claim or unclaim is under way. */
  busyTaskId: Ref<string | null>;
}

/** Claiming and unclaiming with the user told of the result, e.g. the server's "已被…签收" message on a conflict. */
export function useTaskClaiming(options: UseTaskClaimingOptions): UseTaskClaimingReturn {
  const { t } = useI18n();
  const claimMutation = useClaimTaskMutation();
  const unclaimMutation = useUnclaimTaskMutation();
  const busyTaskId = ref<string | null>(null);

  async function act(taskId: string, request: (taskId: string) => Promise<void>, done: string): Promise<boolean> {
    busyTaskId.value = taskId;
    try {
      await request(taskId);
      ElMessage.success(done);
      return true;
    } catch (error) {
      ElMessage.error(errorMessageOf(error));
      return false;
    } finally {
      busyTaskId.value = null;
      options.onSettled();
    }
  }

  return {
    claim: (taskId) => act(taskId, claimMutation.run, t('inbox.messages.claimed')),
    unclaim: (taskId) => act(taskId, unclaimMutation.run, t('inbox.messages.unclaimed')),
    busyTaskId,
  };
}
