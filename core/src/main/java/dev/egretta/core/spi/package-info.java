/**
 * Service-provider interfaces of the engine, each with one job: {@link dev.egretta.core.spi.Retriever}, {@link dev.egretta.core.spi.Reranker},
 * {@link dev.egretta.core.spi.CorpusInventory}, {@link dev.egretta.core.spi.AnswerGenerator} and
 * {@link dev.egretta.core.spi.StreamingAnswerGenerator}, {@link dev.egretta.core.spi.DocumentSource},
 * {@link dev.egretta.core.spi.LinkSigner}, {@link dev.egretta.core.spi.ModelCatalog}, and
 * {@link dev.egretta.core.spi.PrivateDocuments} (an organisation's uploads, behind the server's
 * document routes). Implementations translate their vendor's exceptions into {@link dev.egretta.core.EgrettaException}s.
 */
package dev.egretta.core.spi;
