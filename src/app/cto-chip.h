/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cto-person.h"
#include "cto-responsibility.h"

G_BEGIN_DECLS

/**
 * CtoChip:
 * @responsibility: the responsibility carried
 * @person: the person it is dragged away from
 *
 * What a drag of an assignment chip carries: one responsibility as carried by
 * one person. A drop decides what to do with it (move, share or unassign).
 */
typedef struct
{
  CtoResponsibility *responsibility;
  CtoPerson         *person;
} CtoChip;

#define CTO_TYPE_CHIP (cto_chip_get_type ())
GType    cto_chip_get_type (void) G_GNUC_CONST;

CtoChip *cto_chip_new      (CtoResponsibility *responsibility,
                            CtoPerson         *person);
CtoChip *cto_chip_copy     (const CtoChip     *self);
void     cto_chip_free     (CtoChip           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoChip, cto_chip_free)

G_END_DECLS
