#!/bin/bash
# ruleid: bash.security.rm-rf-variable
rm -rf "$BUILD_DIR"/*
# ruleid: bash.security.rm-rf-variable
rm -fr $PREFIX/lib
# ok: bash.security.rm-rf-variable
rm -rf "${BUILD_DIR:?}"/*
# ok: bash.security.rm-rf-variable
rm -rf ./build
