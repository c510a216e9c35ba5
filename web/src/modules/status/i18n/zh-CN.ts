/** Chinese messages of the status module that the shared status messages do not have (merged at the top level). */
const zhCN = {
  statusDesigner: {
    held: '保留设计员版本',
    heldTitle: '有 {count} 个文件未在启动时部署',
    heldHint: '这些文件在 processes/ 中已修改，但设计员之后部署了更新的版本。启动时不会覆盖设计员的版本；如需采用文件中的内容，请在设计器中打开该文件并部署。',
  },
};

export default zhCN;
