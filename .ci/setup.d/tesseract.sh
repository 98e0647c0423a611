#!/usr/bin/env bash
# OCR of scanned PDF pages (retrieval-lucene's TesseractOcr) calls Debian's tesseract with its English
# data. Idempotent: installs only when absent. Without it the OCR tests are skipped and scanned pages
# are rejected with "scanned; OCR unavailable (install tesseract-ocr)".
set -euo pipefail
if command -v tesseract > /dev/null && tesseract --list-langs 2>/dev/null | grep -qx eng; then
  echo "tesseract already installed: $(tesseract --version 2>&1 | head -1)"
  exit 0
fi
bash "$(dirname "$0")/../apt-install.sh" tesseract-ocr tesseract-ocr-eng
tesseract --version 2>&1 | head -1
