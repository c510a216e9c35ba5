import { ref, type Ref } from 'vue';
import { useRouter } from 'vue-router';
import type { CreateDraftRequest } from '@contracts/designer';
import { errorMessageOf } from '@/api/api-errors';
import { getShippedFile, postDraft } from '../requests';
import { existingDraftIdOf } from '../utils/api-details';

/** What useOpenModel returns. */
export interface UseOpenModelReturn {
  /** Opens a file of processes/ in the editor, as a new draft or the draft that exists for it. */
  openShipped: (fileName: string) => Promise<void>;
  /** Creates a draft (a new model) and opens it; resolves to whether a draft of that name existed already. */
  createAndOpen: (body: CreateDraftRequest) => Promise<'created' | 'existing' | undefined>;
  /** The file being opened, or empty. */
  opening: Ref<string>;
  /** Why the last attempt failed, or empty. */
  message: Ref<string>;
}

/** Starts drafts and opens them in the editor (/designer/drafts/:id); a draft that exists for the file is reused. */
export function useOpenModel(): UseOpenModelReturn {
  const router = useRouter();
  const opening = ref('');
  const message = ref('');

  async function createAndOpen(body: CreateDraftRequest): Promise<'created' | 'existing' | undefined> {
    try {
      const draft = await postDraft(body);
      await router.push({ name: 'designer-draft', params: { id: draft.id } });
      return 'created';
    } catch (error) {
      const existing = existingDraftIdOf(error);
      if (existing === undefined) throw error;
      await router.push({ name: 'designer-draft', params: { id: existing } });
      return 'existing';
    }
  }

  async function run<T>(fileName: string, action: () => Promise<T>): Promise<T | undefined> {
    opening.value = fileName;
    message.value = '';
    try {
      return await action();
    } catch (error) {
      message.value = errorMessageOf(error);
      return undefined;
    } finally {
      opening.value = '';
    }
  }

  return {
    openShipped: async (fileName) => {
      await run(fileName, async () => {
        const shipped = await getShippedFile(fileName);
        await createAndOpen({ fileName, kind: shipped.kind, content: shipped.content, comment: `从 processes/${fileName} 打开` });
      });
    },
    createAndOpen: (body) => run(body.fileName, () => createAndOpen(body)),
    opening,
    message,
  };
}
