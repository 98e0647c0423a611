#!/usr/bin/env bash
# OCR of JBIG2-compressed scanned pages (retrieval-lucene's PopplerRenderer) renders them with Poppler's
# pdftoppm in a child process, which PDFBox cannot do without a JBIG2 decoder in the JVM. Idempotent:
# installs only when absent. Without it such pages are not read (other scanned pages still are).
set -euo pipefail
if command -v pdftoppm > /dev/null; then
  echo "pdftoppm already installed: $(pdftoppm -v 2>&1 | head -1)"
  exit 0
fi
bash "$(dirname "$0")/../apt-install.sh" poppler-utils
pdftoppm -v 2>&1 | head -1
