// main/teach: the narrative. Steps of a connection's timeline become structured explanations
// (explainConnection), then words in zh-CN or en (describeConnection), then a layout: text,
// Markdown or a Mermaid sequence diagram (renderConnection, renderCapture).
export { LANGS, parseLang, systemLanguage, type Lang } from './lang'
export { FORMATS, parseFormat, renderCapture, renderCaptureParts, renderConnection, renderFindings, renderTopics, type Format, type RenderOptions } from './render'
export { renderMermaid } from './mermaid'
export { describeConnection, describeExplanation, describeStep, type DescribedConnection, type DescribedStep, type KnowledgeRow } from './describe'
export {
  explainConnection,
  explainStep,
  flagNames,
  type Arithmetic,
  type ConnectionExplanation,
  type ExplainedChange,
  type ExplainedNote,
  type SentSegment,
  type StepExplanation,
  type Term,
} from './explain-step'
export { CHECKLIST, FACTS, handshakeKnowledge, type Fact, type Knowledge, type KnowledgeAfterStep } from './knowledge'
export { TOPIC_IDS, topicParams, topicsForConnection, topicsForStep, type TopicId } from './topics'
export { CATALOGS, format, m, type Catalog, type MessageKey, type Msg } from './catalog'
