#!/usr/bin/env node
// Marks the CLI entry executable after `tsc` (npm links bins, but a direct `dist/...` call needs +x).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const bin = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
fs.chmodSync(bin, 0o755);
