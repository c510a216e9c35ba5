import { computed, ref, shallowRef, watch, type ComputedRef, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue';
import type { DeployDraftResult, Draft } from '@contracts/designer';
import { useDeployDraftMutation, type UseDeployDraftMutationReturn } from './use-deploy-draft.mutation';
import { useDraftQuery, type UseDraftQueryReturn } from './use-draft.query';
import { useSaveDraftMutation, type UseSaveDraftMutationReturn } from './use-save-draft.mutation';

/** Options of useDraftSession. */
export interface UseDraftSessionOptions {
  draftId: MaybeRefOrGetter<number>;
  /** Reads the model from the editor as it is now. */
  read: () => Promise<string>;
}

/** What useDraftSession returns. */
export interface UseDraftSessionReturn {
  query: UseDraftQueryReturn;
  /** The revision the editor is based on (the one loaded, or the one saved last). */
  draft: ShallowRef<Draft | null>;
  /** The content to show in the editor; it changes only when a revision is (re)loaded, never after a save. */
  shown: Ref<string>;
  /** Counts the loads, so that loading the same content again still replaces the editor's unsaved changes. */
  loads: Ref<number>;
  /** Whether the editor holds changes that are not saved. */
  dirty: ComputedRef<boolean>;
  /** The comment for the next save. */
  comment: Ref<string>;
  save: UseSaveDraftMutationReturn;
  deploy: UseDeployDraftMutationReturn;
  /** Call on every change in the editor. */
  changed: () => void;
  /** Call when the editor shows a freshly loaded revision: whatever it reported before is gone. */
  loaded: () => void;
  /** Saves on top of the loaded revision; resolves to the saved draft, or undefined (see save.conflict, save.message). */
  saveNow: (options?: { overwrite?: boolean }) => Promise<Draft | undefined>;
  /** Loads the current revision from the server and drops the unsaved changes. */
  reload: () => Promise<void>;
  /** Saves when needed, then deploys the saved revision. */
  deployNow: () => Promise<DeployDraftResult | undefined>;
}

/**
 * One designer's editing session of a draft: which revision it started from, whether there are unsaved changes, and
 * saving (with DRAFT_CONFLICT when someone else saved in between) and deploying that revision.
 */
export function useDraftSession(options: UseDraftSessionOptions): UseDraftSessionReturn {
  const query = useDraftQuery(options.draftId);
  const draft = shallowRef<Draft | null>(null);
  const shown = ref('');
  const loads = ref(0);
  const comment = ref('');
  // Changes counted, and the count at the last save, so that an edit made while a save runs stays unsaved.
  const changes = ref(0);
  const savedAt = ref(0);
  const dirty = computed(() => changes.value !== savedAt.value);
  const save = useSaveDraftMutation();
  const deploy = useDeployDraftMutation();

  watch(query.data, (loaded) => {
    if (!loaded) return;
    draft.value = loaded;
    shown.value = loaded.content;
    loads.value++;
    savedAt.value = changes.value;
  });

  async function saveNow(saveOptions: { overwrite?: boolean } = {}): Promise<Draft | undefined> {
    const base = draft.value;
    if (!base) return undefined;
    const content = await options.read();
    const at = changes.value;
    const baseRevision = saveOptions.overwrite && save.conflict.value ? save.conflict.value.currentRevision : base.revision;
    const text = comment.value.trim();
    const saved = await save.mutate({ draftId: base.id, body: { content, baseRevision, ...(text ? { comment: text } : {}) } });
    if (!saved) return undefined;
    draft.value = saved;
    savedAt.value = at;
    comment.value = '';
    return saved;
  }

  async function reload(): Promise<void> {
    save.conflict.value = null;
    await query.refresh();
  }

  async function deployNow(): Promise<DeployDraftResult | undefined> {
    if (dirty.value && !(await saveNow())) return undefined;
    const current = draft.value;
    return current ? deploy.mutate({ draftId: current.id, revision: current.revision }) : undefined;
  }

  return {
    query,
    draft,
    shown,
    loads,
    dirty,
    comment,
    save,
    deploy,
    changed: () => void changes.value++,
    loaded: () => void (savedAt.value = changes.value),
    saveNow,
    reload,
    deployNow,
  };
}
