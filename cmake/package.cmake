# What `cmake --install` and the .deb (CPack) put where, the man page generated from
# `boothdeck --help` (help2man: the options have one source, cli.cpp), and the package's metadata.
# Paths follow Debian: /usr/bin, /usr/share/boothdeck, /etc/boothdeck, /lib/systemd/system.

find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)
pkg_get_variable(SYSTEMD_UNIT_DIR systemd systemdsystemunitdir)
pkg_get_variable(SYSUSERS_DIR systemd sysusersdir)
set(PACKAGING ${CMAKE_SOURCE_DIR}/packaging)

# The man page and the changelog, compressed as Debian wants them (gzip -n: reproducible).
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/boothdeck.1.gz
  COMMAND ${HELP2MAN} --no-info --section=1 --include=${PACKAGING}/boothdeck.h2m
          "--name=kiosk presenter for trade-show booths and touchscreens"
          --output=${CMAKE_BINARY_DIR}/boothdeck.1 $<TARGET_FILE:boothdeck>
  COMMAND ${GZIP} -9nf ${CMAKE_BINARY_DIR}/boothdeck.1
  DEPENDS boothdeck ${PACKAGING}/boothdeck.h2m
  COMMENT "man page boothdeck(1) from boothdeck --help")
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
  COMMAND ${GZIP} -9nc ${PACKAGING}/changelog > ${CMAKE_BINARY_DIR}/changelog.gz
  DEPENDS ${PACKAGING}/changelog)
add_custom_target(package_docs ALL DEPENDS ${CMAKE_BINARY_DIR}/boothdeck.1.gz ${CMAKE_BINARY_DIR}/changelog.gz)

set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
install(TARGETS boothdeck)
install(TARGETS boothdeck_pdf boothdeck_svg boothdeck_image boothdeck_remote LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/boothdeck)
install(FILES ${BUILTIN_DECK} DESTINATION ${CMAKE_INSTALL_DATADIR}/boothdeck/decks)
install(DIRECTORY fonts/ DESTINATION ${CMAKE_INSTALL_DATADIR}/boothdeck/fonts)
install(PROGRAMS ${PACKAGING}/boothdeck-xsession.sh ${PACKAGING}/boothdeck-cage.sh
        DESTINATION ${CMAKE_INSTALL_DATADIR}/boothdeck)
install(FILES ${CMAKE_BINARY_DIR}/boothdeck.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PACKAGING}/boothdeck.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PACKAGING}/copyright ${CMAKE_BINARY_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PACKAGING}/boothdeck.service DESTINATION ${SYSTEMD_UNIT_DIR})
install(FILES ${PACKAGING}/boothdeck.sysusers DESTINATION ${SYSUSERS_DIR} RENAME boothdeck.conf)
install(FILES ${PACKAGING}/boothdeck.toml DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/boothdeck)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME boothdeck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CONTACT "boothdeck maintainers <maintainers@boothdeck.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "kiosk presenter for trade-show booths and touchscreens")
set(CPACK_PACKAGE_DESCRIPTION
    "boothdeck shows a Markdown deck fullscreen, advancing on a timer, on touch or
on a presenter's clicker, and runs unattended for days: a systemd service with
a watchdog, show hours, and engagement figures per slide (no personal data).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Korean text, CJK fallback and emoji are drawn with these (fonts/families.conf).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-nanum, fonts-dejavu-core, fonts-noto-cjk, fonts-noto-color-emoji")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PACKAGING}/conffiles ${PACKAGING}/postinst ${PACKAGING}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
