package dev.egretta.lucene;

import dev.egretta.core.spi.DocumentSource;

/**
 * A source whose documents are UTF-8 plain text rather than PDF (e.g. an evaluation corpus).
 * A form feed ({@code \f}) separates pages; a document without one is a single page.
 */
public interface TextDocumentSource extends DocumentSource {}
