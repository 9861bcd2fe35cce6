/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-chip"

#include "config.h"

#include "cto-chip.h"

G_DEFINE_BOXED_TYPE (CtoChip, cto_chip, cto_chip_copy, cto_chip_free)

CtoChip *
cto_chip_new (CtoResponsibility *responsibility,
              CtoPerson         *person)
{
  CtoChip *self;

  g_return_val_if_fail (CTO_IS_RESPONSIBILITY (responsibility), NULL);
  g_return_val_if_fail (CTO_IS_PERSON (person), NULL);

  self = g_new0 (CtoChip, 1);
  self->responsibility = g_object_ref (responsibility);
  self->person = g_object_ref (person);

  return self;
}

CtoChip *
cto_chip_copy (const CtoChip *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cto_chip_new (self->responsibility, self->person);
}

void
cto_chip_free (CtoChip *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->responsibility);
  g_clear_object (&self->person);
  g_free (self);
}
