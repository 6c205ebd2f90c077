# The rooms of app/ include one way (app/README.md): a file of a room may include only the rooms
# listed for it, and the evaluator neither ImGui, GLFW, SQLite nor libpq. A wrong include of a
# room whose library is not linked would fail to link; this names the file and the include even
# when the included header needs no library.
# Usage: cmake -DROOT=<source dir> -P check_layers.cmake
cmake_minimum_required(VERSION 3.25)

# Adds to `faults` each include in the files under app/FOLDER that names a folder matching
# PATTERN which is neither listed in the variable ALLOWED nor a header listed there, and each
# include of a library listed in the variable FORBIDDEN (may be empty).
function(check_folder folder pattern allowed forbidden)
  file(GLOB_RECURSE files ${ROOT}/app/${folder}/*.cpp ${ROOT}/app/${folder}/*.hpp)
  foreach(file IN LISTS files)
    file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    file(RELATIVE_PATH shown ${ROOT} ${file})
    foreach(line IN LISTS lines)
      if(line MATCHES "#[ \t]*include[ \t]*\"(${pattern})/([^\"]*)\"")
        set(room ${CMAKE_MATCH_1})
        set(included "${CMAKE_MATCH_1}/${CMAKE_MATCH_2}")
        if(NOT room IN_LIST ${allowed} AND NOT included IN_LIST ${allowed})
          string(APPEND faults "  ${shown}: ${folder}/ may not include ${included}\n")
        endif()
      elseif(forbidden AND line MATCHES "#[ \t]*include[ \t]*[<\"]([A-Za-z0-9_]+)[/.]")
        set(library ${CMAKE_MATCH_1})
        if(library IN_LIST ${forbidden})
          string(APPEND faults "  ${shown}: ${folder}/ may not use ${library} (${line})\n")
        endif()
      endif()
    endforeach()
  endforeach()
  set(faults "${faults}" PARENT_SCOPE)
endfunction()

set(faults "")
set(rooms_pattern "engine|policy|training|report|audit|cli|ui")
set(allowed_engine engine)
set(allowed_policy policy engine)
set(allowed_training training engine)
set(allowed_report report engine audit/decision_record.hpp)
set(allowed_audit audit engine training)
set(allowed_cli cli policy training report audit engine)
set(allowed_ui ui policy training report audit engine)
set(forbidden_engine imgui GLFW sqlite3 libpq)
foreach(room engine policy training report audit cli ui)
  set(forbidden "")
  if(DEFINED forbidden_${room})
    set(forbidden forbidden_${room})
  endif()
  check_folder(${room} "${rooms_pattern}" allowed_${room} "${forbidden}")
endforeach()

# Inside ui/: the shell joins the screen families; a family includes the shell, the session
# (ui/triage) and only the parts of another family that the session runs.
set(allowed_ui_shell ui/shell ui/triage ui/history ui/rules ui/training)
set(allowed_ui_triage ui/shell ui/triage ui/history/history.hpp ui/history/overrides_job.hpp
    ui/rules/rules_tools.hpp ui/rules/impact_job.hpp)
set(allowed_ui_history ui/shell ui/history ui/triage/session.hpp ui/triage/record_options.hpp)
set(allowed_ui_rules ui/shell ui/rules ui/triage/session.hpp)
set(allowed_ui_training ui/shell ui/training ui/triage/session.hpp)
foreach(family shell triage history rules training)
  check_folder(ui/${family} "ui/[a-z_]+" allowed_ui_${family} "")
endforeach()

if(faults)
  message(FATAL_ERROR "includes against the direction app/README.md sets:\n${faults}")
endif()
