# Makes the edited rule set the Rules view's impact and diff screenshots compare with
# rules/surrey: a copy with one indicator raised a level and one indicator added, as a policy
# officer might draft them. With -DBAD_LINES=ON the copy's case library also ends with two lines
# that cannot be read (a stray TOML header, an answer given twice), for the screenshot of impact
# listing unreadable lines.
# Usage: cmake -DSOURCE=rules/surrey -DDEST=DIR [-DBAD_LINES=ON] -P edit_surrey.cmake
file(REMOVE_RECURSE ${DEST})
file(COPY ${SOURCE}/ DESTINATION ${DEST})
file(READ ${DEST}/indicators/family.toml family)
string(REPLACE "id = \"dv_conflict\"\nlevel = \"emerging\"" "id = \"dv_conflict\"\nlevel = \"targeted\""
       edited "${family}")
if(edited STREQUAL family)
  message(FATAL_ERROR "edit_surrey.cmake: rule dv_conflict is no longer at level emerging")
endif()
file(WRITE ${DEST}/indicators/family.toml "${edited}")
file(APPEND ${DEST}/indicators/child.toml [=[

[[rule]]
id = "health_some_unmet_under_one"
level = "targeted"
domain = "child_development"
subdomain = "health"
says = "A baby under one with some health needs unmet"
when = "born and child_age_years < 1 and health_needs == \"some_unmet\""
cites = ["bucks_l2_child#missing immunisations or checks; inadequate diet; weight not increasing as expected"]
]=])
if(BAD_LINES)
  file(APPEND ${DEST}/cases/library.jsonl [=[[case]
{"ref":"SYN-000999","referred_at":"2026-03-02T10:00:00","answers":{"pre_birth":false,"pre_birth":true}}
]=])
endif()
