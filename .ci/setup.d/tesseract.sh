#!/usr/bin/env bash
# OCR of scanned PDF pages (retrieval-lucene's TesseractOcr) calls Debian's tesseract with its English
# data. Idempotent: installs only when absent. Without it the OCR tests are skipped and scanned pages
# are rejected with "scanned; OCR unavailable (install tesseract-ocr)".
set -euo pipefail
# Other setup scripts may hold the dpkg lock; wait for it rather than fail.
if command -v tesseract > /dev/null && tesseract --list-langs 2>/dev/null | grep -qx eng; then
  echo "tesseract already installed: $(tesseract --version 2>&1 | head -1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng
tesseract --version 2>&1 | head -1
