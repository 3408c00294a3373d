# Installation (`make install`, `cmake --install`) and the Debian package
# (`make deb`, CPack). The installed program finds layouts/, fonts/ and its
# extras module from its own location (PREFIX/bin → PREFIX/share/broadsheet,
# PREFIX/lib/broadsheet), so any prefix works, and so does an unpacked .deb.

# broadsheet.1 is written from the program's help texts at build time.
set(BROADSHEET_MANPAGE ${CMAKE_BINARY_DIR}/broadsheet.1.gz)
add_custom_command(OUTPUT ${BROADSHEET_MANPAGE}
  COMMAND bash ${CMAKE_SOURCE_DIR}/deploy/man/make-manpage.sh $<TARGET_FILE:broadsheet>
          ${CMAKE_SOURCE_DIR}/deploy/man/broadsheet.1.in ${BROADSHEET_MANPAGE}
  DEPENDS broadsheet broadsheet_extras ${CMAKE_SOURCE_DIR}/deploy/man/make-manpage.sh
          ${CMAKE_SOURCE_DIR}/deploy/man/broadsheet.1.in
  COMMENT "Writing broadsheet.1 from the help texts"
  VERBATIM)
# Built by `make deb` and `make install`, not by every build: a change to the
# help texts that the generator cannot read fails packaging, not `make build`.
add_custom_target(broadsheet_manpage DEPENDS ${BROADSHEET_MANPAGE})

install(TARGETS broadsheet RUNTIME DESTINATION bin)
install(TARGETS broadsheet_extras LIBRARY DESTINATION lib/broadsheet)
install(DIRECTORY layouts fonts schemas DESTINATION share/broadsheet)
install(FILES ${BROADSHEET_MANPAGE} DESTINATION share/man/man1)
install(FILES deploy/bash-completion/broadsheet DESTINATION share/bash-completion/completions)
install(FILES README.md DESTINATION share/doc/broadsheet)
install(DIRECTORY docs deploy/k8s DESTINATION share/doc/broadsheet)
install(DIRECTORY samples/ DESTINATION share/broadsheet/examples)

# cpack packs what is built (`make deb` builds the program and the man page
# first) instead of building every test program of the release tree; so does
# `cmake --install` (after `cmake --build build --target broadsheet broadsheet_manpage`).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE BROADSHEET_DEB_ARCH
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT BROADSHEET_DEB_ARCH)
  set(BROADSHEET_DEB_ARCH amd64)
endif()
set(BROADSHEET_DEB_FILE broadsheet_${PROJECT_VERSION}_${BROADSHEET_DEB_ARCH}.deb)

# Depends: the shared libraries (dpkg-shlibdeps) and the fonts and colour
# profiles that scripts/bootstrap.sh lists, the one place they are named.
execute_process(COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/bootstrap.sh --runtime
  OUTPUT_VARIABLE _runtime_packages OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
string(REPLACE "\n" ", " _runtime_packages "${_runtime_packages}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/scripts/bootstrap.sh)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME broadsheet)
set(CPACK_PACKAGE_VENDOR "broadsheet")
set(CPACK_PACKAGE_CONTACT "broadsheet maintainers <broadsheet@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "newspaper pages from YAML: print-ready PDF with Chinese newspaper typesetting")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
broadsheet turns YAML descriptions of what county trade unions have achieved
into print-ready, newspaper-style PDF pages: two columns of Chinese body text,
headlines across both columns, section banners, captioned photos, bylines and
a folio. Commands: render, batch (parallel, shardable over a cluster), preview
(live in the browser), check, fonts.")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${BROADSHEET_DEB_ARCH})
set(CPACK_DEBIAN_FILE_NAME ${BROADSHEET_DEB_FILE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_runtime_packages}")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion, man-db")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
